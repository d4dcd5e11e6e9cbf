/**
 * The account lookups this Baton calls: the demo's (against its mock account service) or those
 * listed in BATON_INTEGRATIONS_FILE (YAML or JSON list), validated with every problem named.
 */
import { readFile } from 'node:fs/promises';
import { demoIntegrations } from '../../demo/integrations.ts';
import { type IntegrationConfig, parseIntegrationConfig } from '../adapters/integrations/index.ts';
import type { LookupShape } from '../core/canned-replies/placeholders.ts';
import { readYaml } from '../core/yaml/read-yaml.ts';

export const parseIntegrationList = (list: unknown, source: string): IntegrationConfig[] => {
  if (!Array.isArray(list)) throw new Error(`${source}: expected a list of integrations`);
  const problems: string[] = [];
  const configs: IntegrationConfig[] = [];
  list.forEach((entry, index) => {
    const result = parseIntegrationConfig(entry);
    if (result.kind === 'ok') configs.push(result.config);
    else problems.push(...result.problems.map((p) => `${source} [${index}] ${p}`));
  });
  if (problems.length > 0) throw new Error(`The integrations are not valid:\n  ${problems.join('\n  ')}`);
  return configs;
};

export const loadIntegrations = async (options: {
  readonly file: string | undefined;
  readonly demoAccountServiceUrl: string | null;
}): Promise<IntegrationConfig[]> => {
  if (options.file) {
    const read = readYaml(await readFile(options.file, 'utf8'));
    if (read.kind === 'invalid') throw new Error(`${options.file} ${read.message}`);
    return parseIntegrationList(read.value, options.file);
  }
  if (options.demoAccountServiceUrl) {
    return parseIntegrationList(demoIntegrations(options.demoAccountServiceUrl), 'demo integrations');
  }
  return [];
};

/** Each lookup's name and field labels: what canned replies may name as `{{lookup.field}}`. */
export const lookupShapesOf = (integrations: readonly IntegrationConfig[]): LookupShape[] =>
  integrations.map((i) => ({ name: i.name, fieldLabels: i.fields.map((f) => f.label) }));
