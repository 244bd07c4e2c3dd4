import { ChimeraError } from '../../errors.js';

/** Codes the scenario runner throws; registered in src/error-catalogue.ts. */
export const RUN_ERROR_CODES = {
  RUN_FIDELITY_UNSUPPORTED:
    'The scenario asks for a fidelity (wire or economics) the runner cannot run yet; protocol fidelity is supported (`chimera run` exits 2).',
  RUN_SCENARIO_UNSUPPORTED:
    'The scenario names an event, hardware profile or behaviour the protocol runner cannot carry out yet, or gates the share interval of a farm too small to share at the vardiff target once the world is shrunk; the message lists each one (`chimera run` exits 2).',
  RUN_POOL_NOT_STARTED:
    'The pool did not produce its first job from the simulated chain within the time allowed: the run cannot start.',
  RUN_GATES_FAILED:
    'A scenario ran to the end and at least one of its gates failed (`chimera run` exits 1).',
} as const;

export type RunErrorCode = keyof typeof RUN_ERROR_CODES;

export function runError(
  code: RunErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}
