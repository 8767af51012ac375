/**
 * The contract checker: is this answer what the endpoint table says for this endpoint and status?
 * Each schema is compiled with TypeBox's compiler once, on its first use, so a client that calls
 * three endpoints compiles three schemas. Clients pass it as `check` to `createApiClient` in
 * development and tests (the web loads it with a dynamic import under `import.meta.env.DEV`);
 * the test fakes (`contract/testing`) check every answer with it. ADR 0034.
 *
 * Subpath `@edgenet/network-config/contract/check` (TypeBox at run time).
 */
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { type ContractCheck, type ContractChecker, ContractViolation } from './client';
import type { EndpointName } from './endpoint-paths';
import { ENDPOINTS } from './endpoints';

type Validator = ReturnType<typeof Compile<TSchema>>;

export interface StrictContractChecker extends ContractChecker {
  /** Checks and throws a `ContractViolation` when the answer is off the contract. */
  assert(name: EndpointName, status: number, body: unknown): void;
}

export function createContractChecker(): StrictContractChecker {
  const compiled = new Map<TSchema, Validator>();
  const validatorOf = (schema: TSchema): Validator => {
    let validator = compiled.get(schema);
    if (!validator) {
      validator = Compile(schema);
      compiled.set(schema, validator);
    }
    return validator;
  };

  const check = (name: EndpointName, status: number, body: unknown): ContractCheck => {
    const entry = ENDPOINTS[name];
    if (!entry) return { ok: false, errors: [`there is no endpoint named "${name}"`] };
    const schema = (entry.responses as Partial<Record<number, TSchema>>)[status];
    if (!schema) {
      const listed = Object.keys(entry.responses).join(', ');
      return { ok: false, errors: [`status ${status} is not one it answers (${listed})`] };
    }
    const validator = validatorOf(schema);
    if (validator.Check(body)) return { ok: true };
    const errors = [...validator.Errors(body)].map(
      (error) => `${error.instancePath || '/'}: ${error.message}`,
    );
    return { ok: false, errors: errors.length > 0 ? errors : ['the body does not match'] };
  };

  return {
    check,
    assert(name, status, body) {
      const result = check(name, status, body);
      if (!result.ok) throw new ContractViolation(name, status, result.errors);
    },
  };
}

export { type ContractCheck, type ContractChecker, ContractViolation } from './client';
