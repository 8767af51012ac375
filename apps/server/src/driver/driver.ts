/**
 * The one way the server reaches the device. The simulated device (simulated.ts) is one
 * implementation; a real device (its PowerShell or local APIs) would be another. The driver knows
 * no rule: the server validates with the core library first and hands the driver only accepted
 * configurations.
 */
import type { DeviceConfig, DhcpLease, EffectiveRoute, PortLink } from '@edgenet/network-config';
import type {
  KernelLookup,
  Kubernetes,
  LookupAnswerDoc,
  ProbeAnswer,
} from '@edgenet/network-config/contract';
import type { LocalizedText } from '../messages';

export type { LocalizedText };

export type JobKind = 'compute.apply' | 'compute.disable';

/** One step of a job: a stable id (`name`) and its text for people. */
export interface StepPlan {
  name: string;
  label: LocalizedText;
}

/** Reports progress within a step, 0–1. */
export type StepProgress = (fraction: number) => void;

export interface RunningJobView {
  kind: JobKind;
  /** Names of the steps already finished. */
  completed: ReadonlySet<string>;
}

export class DeviceStepError extends Error {
  override name = 'DeviceStepError';
}

export interface DeviceDriver {
  /** `simulated`, or the kind of real device. */
  readonly kind: string;
  readonly softwareVersion: string;
  /** What the device reports of its ports (links, DHCP leases) folded into a document. */
  observe(device: DeviceConfig): DeviceConfig;
  /** The lease a DHCP port has (or would get) on its network, or null (no DHCP server / no link). */
  lease(portName: string): DhcpLease | null;
  link(portName: string, device: DeviceConfig): PortLink;
  /** The steps of a job for this device, in order. */
  plan(kind: JobKind, device: DeviceConfig): StepPlan[];
  /**
   * Runs one step against the device. Resolves when done; rejects with `DeviceStepError` when the
   * device fails it; stops early (rejecting) when `signal` aborts.
   */
  runStep(
    kind: JobKind,
    step: StepPlan,
    device: DeviceConfig,
    progress: StepProgress,
    signal: AbortSignal,
  ): Promise<void>;
  /** Makes a new external service IP range take effect (doc: at once, no restart). */
  updateServiceIpRange(device: DeviceConfig): void;
  /**
   * The Kubernetes view: everything once Configured; while a job runs, what it has built so far
   * (`running` names the job and its finished steps); nothing otherwise.
   */
  kubernetes(device: DeviceConfig, running?: RunningJobView | null): Kubernetes;
  /** When the cluster last came up (ISO time), if the driver knows; the AGE of its own pods. */
  clusterCreatedAt?(): string | null;

  // ---- optional: a driver with a real network underneath (the Linux driver) -------------------
  /** Brings the device to the stored configuration; called at start-up and after every commit. */
  reconcile?(device: DeviceConfig): Promise<void>;
  /** Waits for its work and releases what it holds (app close). */
  close?(): Promise<void>;
  /** The VM's route table as the device has it; null when the VM does not run. */
  effectiveRoutes?(device: DeviceConfig, vm: string): Promise<EffectiveRoute[] | null>;
  /** The device's own answer for a lookup, beside the core's; null when the VM does not run. */
  kernelLookup?(vm: string, core: LookupAnswerDoc): Promise<KernelLookup | null>;
  /** A real ping from the VM and its path; null when the VM does not run. */
  probe?(vm: string, core: LookupAnswerDoc): Promise<ProbeAnswer | null>;
}
