import { describe, expect, it } from 'vitest';
import { BanList } from './ban-list.js';

describe('BanList', () => {
  it('bans until a time, keeps the longer ban, forgets expired ones', () => {
    const bans = new BanList();
    bans.ban('a', 100);
    bans.ban('a', 50);
    expect([bans.isBanned('a', 99), bans.isBanned('a', 100), bans.isBanned('b', 0)]).toEqual([
      true,
      false,
      false,
    ]);
    bans.ban('c', 10);
    bans.prune(10);
    expect(bans.size).toBe(0);
  });
});
