import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import type { Member } from '../member/member.entity.js';
import { Follow, type FollowTarget } from './follow.entity.js';

const SEPARATOR = '\u0000';

/** Keys "member, target, key" in; whether each follow exists out. One query per member and kind of target. */
async function followsExist(em: EntityManager, keys: readonly string[]): Promise<boolean[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const [member, target, targetKey] = key.split(SEPARATOR) as [string, string, string];
    const group = `${member}${SEPARATOR}${target}`;
    groups.set(group, [...(groups.get(group) ?? []), targetKey]);
  }
  const found = new Set<string>();
  for (const [group, targetKeys] of groups) {
    const [member, target] = group.split(SEPARATOR) as [string, FollowTarget];
    const follows = await em.find(Follow, { member, target, targetKey: { $in: targetKeys } }, { fields: ['targetKey'] });
    for (const follow of follows) found.add(`${group}${SEPARATOR}${follow.targetKey}`);
  }
  return keys.map((key) => found.has(key));
}

/** Whether the viewer follows this (false when signed out), batched across the request's items. */
export async function viewerFollows(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<boolean> {
  if (!viewer) return false;
  return requestLoader(em, followsExist).load([viewer.id, target, key].join(SEPARATOR));
}
