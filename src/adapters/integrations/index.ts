export type {
  IntegrationConfig,
  IntegrationConfigInput,
  IntegrationConfigResult,
  LookupFieldConfig,
} from './integration-config.ts';
export { integrationConfigSchema, parseIntegrationConfig, secretsNeeded } from './integration-config.ts';
export type { IntegrationHealth } from './integration-health.ts';
export { integrationHealth } from './integration-health.ts';
export { extractFields, readPath } from './response-fields.ts';
export type { FetchLike, LookupContext, Secrets } from './run-lookup.ts';
export { lookupsForCategory, runLookup, runLookupsForCategory } from './run-lookup.ts';
export { allowedTemplateInputs, templateInputProblems } from './template-inputs.ts';
