/** Reads one streamed chat completion: its text, its tool calls (assembled from their pieces) and its token usage. */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

export interface StreamedReply {
  readonly text: string;
  readonly toolCalls: readonly { readonly id: string; readonly name: string; readonly arguments: string }[];
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** Consumes the stream, passing each text piece to `onText` as it arrives. */
export const readStream = async (
  stream: AsyncIterable<ChatCompletionChunk>,
  onText: (piece: string) => void,
): Promise<StreamedReply> => {
  let text = '';
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  let promptTokens = 0;
  let completionTokens = 0;
  for await (const chunk of stream) {
    if (chunk.usage) {
      promptTokens = chunk.usage.prompt_tokens ?? 0;
      completionTokens = chunk.usage.completion_tokens ?? 0;
    }
    const delta = chunk.choices?.[0]?.delta;
    if (!delta) continue;
    if (typeof delta.content === 'string' && delta.content !== '') {
      text += delta.content;
      onText(delta.content);
    }
    for (const piece of delta.tool_calls ?? []) {
      const call = calls.get(piece.index) ?? {
        id: piece.id ?? `call_${piece.index}`,
        name: '',
        arguments: '',
      };
      if (piece.id) call.id = piece.id;
      call.name += piece.function?.name ?? '';
      call.arguments += piece.function?.arguments ?? '';
      calls.set(piece.index, call);
    }
  }
  return { text, toolCalls: [...calls.values()], promptTokens, completionTokens };
};
