export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { viewer: 1, operator: 2, admin: 3 };

/** Roles are ordered: an admin may do what an operator may, an operator what a viewer may. */
export function allows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
