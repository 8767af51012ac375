/**
 * The change lifecycle's rules (SPEC §7): which changes are tentative (applied with a deadline to
 * confirm), the management-port warning, what a restore may change now, and the one-line summary
 * of a change in English and Japanese.
 */
import { type ConfigDiff, diffConfig, type FieldChange, jsonEqual, LIST_KEYS } from './config-diff';
import { lockedComputeFields, validateDevice } from './device-config';
import { hasErrors, type Issue, warning } from './issues';
import { type DeviceConfig, MANAGEMENT_PORT, type PortConfig } from './model';
/** Seconds to confirm a tentative change (SPEC §7.2), unless EDGENET_CONFIRM_SECONDS says else. */
export const CONFIRM_SECONDS_DEFAULT = 120;

export type RevisionSource =
  | 'web'
  | 'api'
  | 'cli'
  | 'console'
  | 'import'
  | 'restore'
  | 'rollback'
  | 'system';
export const REVISION_SOURCES: readonly RevisionSource[] = [
  'web',
  'api',
  'cli',
  'console',
  'import',
  'restore',
  'rollback',
  'system',
];

export interface LocalizedText {
  en: string;
  ja: string;
}

function portByName(device: Pick<DeviceConfig, 'ports'>, name: string): PortConfig | undefined {
  return device.ports.find((p) => p.name === name);
}

/**
 * The `port.managementChange` warning (SPEC §7.2): Port1 switched to DHCP, its address changed,
 * or its IP turned off. The admin must acknowledge it (`acknowledge: ["port.managementChange"]`).
 */
export function managementChangeIssues(before: DeviceConfig, after: DeviceConfig): Issue[] {
  const old = portByName(before, MANAGEMENT_PORT);
  const next = portByName(after, MANAGEMENT_PORT);
  if (!old || !next) return [];
  const reasons: string[] = [];
  if (old.ipEnabled && !next.ipEnabled) reasons.push('ipOff');
  else if (next.ipEnabled && !old.dhcp && next.dhcp) reasons.push('dhcp');
  else if (next.ipEnabled && !next.dhcp && (old.address !== next.address || old.dhcp))
    reasons.push('address');
  if (reasons.length === 0) return [];
  return [
    warning(`ports.${MANAGEMENT_PORT}`, 'port.managementChange', {
      port: MANAGEMENT_PORT,
      reason: reasons[0] as string,
      address: old.address ?? '',
    }),
  ];
}

/** The issues of `issues` that need an acknowledgement the write did not carry. */
export function unacknowledged(issues: readonly Issue[], acknowledge: readonly string[] = []) {
  return issues.filter((i) => i.code === 'port.managementChange' && !acknowledge.includes(i.code));
}

function hasDefaultGateway(device: Pick<DeviceConfig, 'ports'>): boolean {
  return device.ports.some((p) => p.ipEnabled && p.gateway);
}

/** Why a change is tentative, or null (SPEC §7.2). `clientAddress`: the address the browser used. */
export function tentativeReason(
  before: DeviceConfig,
  after: DeviceConfig,
  clientAddress?: string | null,
): 'managementPort' | 'clientPort' | 'noGateway' | null {
  const diff = diffConfig(before, after);
  const changedPorts = new Set(
    (diff.lists.ports?.changed ?? []).map((c) => c.key.name).filter(Boolean),
  );
  if (changedPorts.has(MANAGEMENT_PORT)) return 'managementPort';
  if (clientAddress) {
    const used = before.ports.find((p) => p.address === clientAddress);
    if (used && changedPorts.has(used.name)) return 'clientPort';
  }
  if (hasDefaultGateway(before) && !hasDefaultGateway(after)) return 'noGateway';
  return null;
}

/**
 * The document a restore of `target` would store, with the issues it meets now: the runtime
 * state (compute state, links, DHCP leases) stays the device's; compute locks apply as to any
 * write; new errors of the whole document block it.
 */
export function checkRestore(
  current: DeviceConfig,
  target: DeviceConfig,
): { device: DeviceConfig; issues: Issue[] } {
  const device: DeviceConfig = {
    ...target,
    name: current.name,
    sku: current.sku,
    nodeCount: current.nodeCount,
    ports: target.ports.map((p) => {
      const now = portByName(current, p.name);
      return now ? { ...p, link: now.link, speedGbps: now.speedGbps } : p;
    }),
    compute: { ...target.compute, state: current.compute.state },
  };
  // A restore never starts or stops compute: whatever the state locks stays as it is now.
  const compute: Issue[] = [];
  for (const [field, lock] of lockedComputeFields(current.compute)) {
    if (!jsonEqual(target.compute[field], current.compute[field])) compute.push(lock);
  }
  const before = new Set(validateDevice(current).map((i) => `${i.path}|${i.code}`));
  const fresh = validateDevice(device).filter(
    (i) => i.severity === 'error' && !before.has(`${i.path}|${i.code}`),
  );
  const issues = [
    ...compute.map((i) => ({ ...i, path: `compute.${i.path}` })),
    ...fresh,
    ...managementChangeIssues(current, device),
  ];
  return { device, issues };
}

export function restoreBlocked(issues: readonly Issue[]): boolean {
  return hasErrors(issues);
}

function fieldNames(fields: readonly FieldChange[]): string {
  return fields.map((f) => f.field).join(', ');
}

/** A one-line summary of a change in English and Japanese (history, commit messages). */
/** How the History names a section's items (SPEC §6 terms in Japanese). */
const SECTION_LABELS: Record<string, LocalizedText> = {
  ports: { en: 'Port', ja: 'ポート' },
  services: { en: 'Service', ja: 'サービス' },
  virtualSwitches: { en: 'Virtual switch', ja: '仮想スイッチ' },
  virtualNetworks: { en: 'Virtual network', ja: '仮想ネットワーク' },
};

export function summarizeDiff(diff: ConfigDiff): LocalizedText {
  const en: string[] = [];
  const ja: string[] = [];
  for (const [section, list] of Object.entries(diff.lists)) {
    if (section === 'routes') {
      const one = (r: { interfaceAlias: string; destinationPrefix: string; nextHop?: string }) =>
        `${r.interfaceAlias} ${r.destinationPrefix}${r.nextHop ? ` via ${r.nextHop}` : ''}`;
      const oneJa = (r: { interfaceAlias: string; destinationPrefix: string; nextHop?: string }) =>
        `${r.interfaceAlias} ${r.destinationPrefix}${r.nextHop ? ` (次ホップ ${r.nextHop})` : ''}`;
      if (list.added.length === 1 && list.removed.length === 0 && list.changed.length === 0) {
        en.push(`Route added: ${one(list.added[0])}`);
        ja.push(`ルートを追加: ${oneJa(list.added[0])}`);
        continue;
      }
      if (list.removed.length === 1 && list.added.length === 0 && list.changed.length === 0) {
        en.push(`Route removed: ${one(list.removed[0])}`);
        ja.push(`ルートを削除: ${oneJa(list.removed[0])}`);
        continue;
      }
      const parts: string[] = [];
      const partsJa: string[] = [];
      if (list.added.length) {
        parts.push(`${list.added.length} added`);
        partsJa.push(`追加 ${list.added.length}`);
      }
      if (list.removed.length) {
        parts.push(`${list.removed.length} removed`);
        partsJa.push(`削除 ${list.removed.length}`);
      }
      if (list.changed.length) {
        parts.push(`${list.changed.length} changed`);
        partsJa.push(`変更 ${list.changed.length}`);
      }
      if (parts.length === 0) {
        parts.push('reordered');
        partsJa.push('順序を変更');
      }
      en.push(`Routes: ${parts.join(', ')}`);
      ja.push(`ルート: ${partsJa.join('、')}`);
      continue;
    }
    const label = SECTION_LABELS[section] ?? { en: section, ja: section };
    const keyOf = (item: Record<string, unknown> | undefined) =>
      (LIST_KEYS[section] ?? ['name'])
        .map((k) => item?.[k])
        .filter((v) => v !== undefined && v !== null)
        .join('/') || null;
    for (const change of list.changed) {
      const name = Object.values(change.key).join('/');
      en.push(`${label.en} ${name}: ${fieldNames(change.fields)} changed`);
      ja.push(`${label.ja} ${name}: ${fieldNames(change.fields)} を変更`);
    }
    for (const item of list.added) {
      en.push(`${label.en} added: ${keyOf(item) ?? 'item'}`);
      ja.push(`${label.ja}を追加: ${keyOf(item) ?? '項目'}`);
    }
    for (const item of list.removed) {
      en.push(`${label.en} removed: ${keyOf(item) ?? 'item'}`);
      ja.push(`${label.ja}を削除: ${keyOf(item) ?? '項目'}`);
    }
  }
  for (const [section, fields] of Object.entries(diff.objects)) {
    const label = section === 'compute' ? 'Compute' : section;
    const labelJa = section === 'compute' ? 'コンピューティング' : section;
    en.push(`${label}: ${fieldNames(fields)} changed`);
    ja.push(`${labelJa}: ${fieldNames(fields)} を変更`);
  }
  if (diff.values.length) {
    en.push(`${fieldNames(diff.values)} changed`);
    ja.push(`${fieldNames(diff.values)} を変更`);
  }
  if (en.length === 0) return { en: 'No change', ja: '変更なし' };
  return { en: en.join('; '), ja: ja.join('、') };
}

/** The summary of a restore (SPEC §7.1). */
export function restoreSummary(revision: number): LocalizedText {
  return { en: `Restored revision ${revision}`, ja: `リビジョン ${revision} を復元` };
}

/** The summary of an automatic rollback (SPEC §7.2). */
export function rollbackSummary(seconds: number, reverted: number): LocalizedText {
  return {
    en: `Not confirmed within ${seconds} s: revision ${reverted} rolled back`,
    ja: `${seconds} 秒以内に確認されなかったため、リビジョン ${reverted} をロールバック`,
  };
}

/** The summary of a revert the admin asked for. */
export function revertSummary(reverted: number): LocalizedText {
  return {
    en: `Reverted revision ${reverted}`,
    ja: `リビジョン ${reverted} を元に戻しました`,
  };
}
