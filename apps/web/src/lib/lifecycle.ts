/**
 * What every write shares with the change lifecycle (SPEC §7.2): the header that makes a write
 * tentative ("Revert automatically unless I confirm"), and refreshing what a change touches here
 * and in the other open tabs.
 */
import { LIFECYCLE_HEADERS } from '@edgenet/network-config';
import type { QueryClient } from '@tanstack/react-query';
import { invalidateConfiguration } from './queries';

/** The root of the History page's query keys. */
export const HISTORY_KEY = ['history'] as const;
/** The pending (tentative) change's query key. */
export const PENDING_KEY = ['pending'] as const;

/** The header that makes a write tentative ("Revert automatically unless I confirm"). */
export function confirmHeaders(confirm: boolean): Record<string, string> | undefined {
  return confirm ? { [LIFECYCLE_HEADERS.confirm]: 'required' } : undefined;
}

const CHANNEL = 'edgenet-lifecycle';

/** Tells the other tabs that the configuration or the pending change moved. */
export function announceLifecycleChange(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel: the other tabs catch up at their next poll.
  }
}

/** Refreshes everything the lifecycle touches, here and (via the channel) in the other tabs. */
export async function refreshAfterLifecycle(client: QueryClient, announce = true): Promise<void> {
  if (announce) announceLifecycleChange();
  await Promise.all([
    client.invalidateQueries({ queryKey: PENDING_KEY }),
    client.invalidateQueries({ queryKey: HISTORY_KEY }),
    invalidateConfiguration(client),
  ]);
}

export function listenForLifecycleChanges(onChange: () => void): () => void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => onChange();
    return () => channel.close();
  } catch {
    return () => undefined;
  }
}
