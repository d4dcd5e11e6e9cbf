/** `baton triage --answerer embedded|llm`: which answerer evaluates the file (SPEC §13 "LLM settings"). */
import { config as loadDotenv } from 'dotenv';
import { DomainError } from '../../core/errors.ts';
import { type LlmConfig, loadConfig } from '../../server/config.ts';

/** The model to use, or null for the embedded answerer; an unknown choice or a missing model is an error. */
export const chooseTriageAnswerer = (
  choice: string | undefined,
  environment: () => LlmConfig | null = () => {
    loadDotenv({ quiet: true });
    return loadConfig().llm;
  },
): LlmConfig | null => {
  if (choice !== undefined && choice !== 'embedded' && choice !== 'llm')
    throw new DomainError('invalid_input', `--answerer must be embedded or llm, not "${choice}".`);
  if (choice === 'embedded') return null;
  const llm = environment();
  if (choice === 'llm' && !llm)
    throw new DomainError(
      'invalid_input',
      '--answerer llm needs BATON_LLM_BASE_URL and BATON_LLM_MODEL to be set.',
    );
  return llm;
};
