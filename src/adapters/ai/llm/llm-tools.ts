/**
 * Account lookups as model tools (issue 11): one function per lookup, with a JSON schema of the
 * inputs the model may give. The customer's identity is never a parameter — it comes from the
 * conversation — so a tool call can only ever read this customer's account. A call to an
 * unknown tool, or with arguments that do not fit the schema, is a provider fault.
 */
import { AnswererFault, type LookupTool } from '../../../core/ports/answerer.ts';

/** `order.number` → `order_number`: tool parameter names must be plain identifiers. */
const parameterName = (input: string): string => input.replace(/[^A-Za-z0-9_]/g, '_');

const toolName = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);

export interface ToolDefinition {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description: string;
    readonly parameters: Readonly<Record<string, unknown>>;
  };
}

/** The JSON-schema tool definitions for the lookups offered. */
export const toolDefinitions = (tools: readonly LookupTool[]): ToolDefinition[] =>
  tools.map((tool) => ({
    type: 'function',
    function: {
      name: toolName(tool.name),
      description: `Looks up ${tool.label} for the customer in this conversation (their own account only).`,
      parameters: {
        type: 'object',
        properties: Object.fromEntries(
          tool.inputs.map((input) => [
            parameterName(input),
            {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: `The ${input.replace(/[._]/g, ' ')} the customer gave`,
            },
          ]),
        ),
        required: tool.inputs.map(parameterName),
        additionalProperties: false,
      },
    },
  }));

/** Checks one tool call against the offered lookups; returns the lookup and its inputs, or throws a fault. */
export const readToolCall = (
  tools: readonly LookupTool[],
  call: { readonly name: string; readonly arguments: string },
): { readonly tool: LookupTool; readonly inputs: Readonly<Record<string, string>> } => {
  const tool = tools.find((candidate) => toolName(candidate.name) === call.name);
  if (!tool)
    throw new AnswererFault(
      'unknown_tool',
      `the model called a tool Baton did not offer ("${call.name.slice(0, 60)}")`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.arguments.trim() === '' ? '{}' : call.arguments);
  } catch {
    throw new AnswererFault('bad_tool_arguments', `the model's arguments for ${tool.name} are not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AnswererFault('bad_tool_arguments', `the model's arguments for ${tool.name} are not an object`);
  const given = Object.entries(parsed);
  const expected = new Map(tool.inputs.map((input) => [parameterName(input), input]));
  const inputs: Record<string, string> = {};
  for (const [key, value] of given) {
    const input = expected.get(key);
    const text = typeof value === 'number' ? String(value) : value;
    if (!input || typeof text !== 'string' || text.trim() === '' || text.length > 100)
      throw new AnswererFault(
        'bad_tool_arguments',
        `the model gave ${tool.name} an argument it does not take or cannot use ("${key.slice(0, 40)}")`,
      );
    inputs[input] = text.trim();
  }
  const missing = tool.inputs.filter((input) => inputs[input] === undefined);
  if (missing.length > 0)
    throw new AnswererFault(
      'bad_tool_arguments',
      `the model called ${tool.name} without ${missing.join(', ')}`,
    );
  return { tool, inputs };
};
