/**
 * Service manifests: a Service YAML (`kubectl apply -f`) read into service inputs, and services
 * written back as `kubectl get svc -o yaml` prints them. YAML is read and written with the `yaml`
 * library (ADR 0023), never by hand.
 */
import { isMap, LineCounter, parseAllDocuments, stringify } from 'yaml';
import { NetConfigError } from './errors';
import type { ServiceInput, ServicePort } from './services';

/** The largest manifest read (ours: a few services' worth, far above any real one). */
export const MANIFEST_MAX_LENGTH = 64 * 1024;

/** A service input with the line of its document (for messages). */
export interface ManifestService {
  input: ServiceInput;
  line: number;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function strings(value: unknown, what: string, line: number): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = record(value);
  if (!r) throw manifestError(line, `${what} must be a map of strings`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw manifestError(line, `${what}.${k} must be a string`);
    }
    out[k] = String(v);
  }
  return out;
}

function manifestError(line: number, detail: string): NetConfigError {
  return new NetConfigError('service.manifestInvalid', { line, detail });
}

/**
 * Reads every document of a manifest (`---` separated). Throws NetConfigError
 * `service.manifestInvalid` with the 1-based line of a YAML error or of the document at fault,
 * or `service.manifestKind` for anything but `kind: Service` (`apiVersion: v1`).
 */
export function parseServiceManifest(text: string): ManifestService[] {
  if (text.length > MANIFEST_MAX_LENGTH) {
    throw manifestError(1, `the manifest is longer than ${MANIFEST_MAX_LENGTH} characters`);
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  const out: ManifestService[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      throw manifestError(line, error.message.split('\n')[0] ?? error.message);
    }
    if (doc.contents === null) continue;
    const line = doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : 1;
    if (!isMap(doc.contents)) throw manifestError(line, 'a document must be a map');
    const value = record(doc.toJS({ maxAliasCount: 50 }));
    if (!value) throw manifestError(line, 'a document must be a map');
    out.push({ input: serviceFromObject(value, line), line });
  }
  if (out.length === 0) throw manifestError(1, 'no objects passed to apply');
  return out;
}

function serviceFromObject(doc: Record<string, unknown>, line: number): ServiceInput {
  const kind = doc.kind;
  if (kind !== 'Service' || (doc.apiVersion !== undefined && doc.apiVersion !== 'v1')) {
    throw new NetConfigError('service.manifestKind', {
      kind: `${String(doc.apiVersion ?? '')}/${String(kind ?? '')}`,
      line,
    });
  }
  const metadata = record(doc.metadata) ?? {};
  const spec = record(doc.spec) ?? {};
  if (typeof metadata.name !== 'string') throw manifestError(line, 'metadata.name is required');
  const portsValue = spec.ports ?? [];
  if (!Array.isArray(portsValue)) throw manifestError(line, 'spec.ports must be a list');
  const ports = portsValue.map((p, i) => {
    const port = record(p);
    if (!port) throw manifestError(line, `spec.ports[${i}] must be a map`);
    return {
      port: port.port as number,
      ...(port.targetPort !== undefined ? { targetPort: port.targetPort as number | string } : {}),
      ...(port.protocol !== undefined ? { protocol: String(port.protocol) } : {}),
      ...(port.name !== undefined ? { name: String(port.name) } : {}),
    };
  });
  const input: ServiceInput = { name: metadata.name, ports };
  if (metadata.namespace !== undefined) input.namespace = String(metadata.namespace);
  if (spec.type !== undefined) input.type = String(spec.type);
  const selector = strings(spec.selector, 'spec.selector', line);
  if (selector) input.selector = selector;
  const annotations = strings(metadata.annotations, 'metadata.annotations', line);
  if (annotations) input.annotations = annotations;
  if (spec.loadBalancerIP !== undefined && spec.loadBalancerIP !== null) {
    input.loadBalancerIP = String(spec.loadBalancerIP);
  }
  return input;
}

/** The fields `formatServiceManifest` needs (the API's service document has them all). */
export interface ServiceManifestFields {
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  ports: readonly ServicePort[];
  selector: Record<string, string>;
  annotations: Record<string, string>;
  loadBalancerIP: string | null;
  createdAt: string;
  externalIP: string | null;
}

function serviceObject(s: ServiceManifestFields) {
  const ingress = s.externalIP ? { ingress: [{ ip: s.externalIP, ipMode: 'VIP' }] } : {};
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...(Object.keys(s.annotations).length > 0 ? { annotations: s.annotations } : {}),
      creationTimestamp: s.createdAt.replace(/\.\d+Z$/, 'Z'),
      name: s.name,
      namespace: s.namespace,
    },
    spec: {
      ...(s.type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
      clusterIP: s.clusterIP,
      clusterIPs: [s.clusterIP],
      ...(s.type === 'LoadBalancer' ? { externalTrafficPolicy: 'Cluster' } : {}),
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...(s.loadBalancerIP ? { loadBalancerIP: s.loadBalancerIP } : {}),
      ports: s.ports.map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        ...(p.nodePort !== null ? { nodePort: p.nodePort } : {}),
        port: p.port,
        protocol: p.protocol,
        targetPort: p.targetPort,
      })),
      ...(Object.keys(s.selector).length > 0 ? { selector: s.selector } : {}),
      sessionAffinity: 'None',
      type: s.type,
    },
    status: { loadBalancer: ingress },
  };
}

/**
 * `kubectl get svc NAME -o yaml` for one service, or a `kind: List` for several (as kubectl prints
 * a list query): keys sorted, sequences not indented, as kubectl writes them.
 */
export function formatServiceManifest(
  services: readonly ServiceManifestFields[],
  asList = services.length !== 1,
): string {
  const value = asList
    ? {
        apiVersion: 'v1',
        items: services.map(serviceObject),
        kind: 'List',
        metadata: { resourceVersion: '' },
      }
    : serviceObject(services[0] as ServiceManifestFields);
  return stringify(value, { indentSeq: false, lineWidth: 0 });
}
