import type { RunResult } from './run-result.js';
import { xmlAttr, xmlText } from './xml-text.js';

/**
 * junit.xml for CI: one test case per gate, failed gates carrying actual vs threshold; a run
 * that stopped early adds a `run` case with the error. No timestamps, so it is
 * deterministic like summary.json.
 */
export function junitXml(result: RunResult): string {
  const suite = `chimera.${result.scenario.name}`;
  const cases = result.gates.map((gate) => {
    const name = attr('name', gate.expression);
    const open = `    <testcase ${attr('classname', suite)} ${name}`;
    if (gate.passed) return `${open}/>`;
    const detail = [
      `gate: ${gate.expression}`,
      `actual: ${gate.actual ?? 'not measured'}`,
      `threshold: ${gate.threshold ?? 'not computed'}`,
      gate.message,
    ].join('\n');
    return [
      `${open}>`,
      `      <failure ${attr('message', gate.message)} type="gate">${xmlText(detail)}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  if (result.error !== undefined) {
    cases.push(
      [
        `    <testcase ${attr('classname', suite)} name="run">`,
        `      <error ${attr('message', result.error)} type="run">${xmlText(result.error)}</error>`,
        '    </testcase>',
      ].join('\n'),
    );
  }
  const failures = result.gates.filter((g) => !g.passed).length;
  const errors = result.error === undefined ? 0 : 1;
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}"`;
  const properties = [
    ['seed', String(result.seed)],
    ['fidelity', result.fidelity],
    ['runId', result.runId],
    ['scenarioFile', result.scenario.file],
    ['durationMs', String(result.durationMs)],
  ].map(([name = '', value = '']) => `      <property ${attr('name', name)} ${attr('value', value)}/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chimera" ${counts}>`,
    `  <testsuite ${attr('name', suite)} ${counts} skipped="0">`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function attr(name: string, value: string): string {
  return `${name}="${xmlAttr(value)}"`;
}
