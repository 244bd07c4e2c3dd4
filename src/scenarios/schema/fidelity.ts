/** How much of the real world a run keeps (see ARCHITECTURE.md, "Three levels of fidelity"). */
export const FIDELITIES = ['wire', 'protocol', 'economics'] as const;
export type Fidelity = (typeof FIDELITIES)[number];
