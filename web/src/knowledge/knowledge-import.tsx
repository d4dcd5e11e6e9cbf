/**
 * Importing articles on the knowledge page (ops, admin): Markdown files, a folder of them, or a
 * Zendesk Guide / Intercom articles export (.json). Files go up in batches under the server's
 * bound so the count of imported and skipped entries grows as it goes; every skipped entry is
 * listed with why, and a file too large to send is listed here without being sent.
 */
import { type FormEvent, useRef, useState } from 'react';
import { type KnowledgeImportResult, maxKnowledgeImportBytes } from '../../../src/api/knowledge-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

interface Progress {
  readonly sentFiles: number;
  readonly totalFiles: number;
  readonly done: boolean;
  readonly imported: KnowledgeImportResult['imported'];
  readonly skipped: KnowledgeImportResult['skipped'];
}

/** Room for the JSON around the files' text and for escaped characters. */
const batchBytes = Math.floor(maxKnowledgeImportBytes * 0.8);

const fileName = (file: File): string => file.webkitRelativePath || file.name;

const batchesOf = (files: readonly File[]): File[][] => {
  const batches: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && (size + file.size > batchBytes || current.length >= 200)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const ImportSummary = ({ progress }: { progress: Progress }) => (
  <div className="import-summary">
    <p role="status">
      {progress.done
        ? 'Import finished: '
        : `Importing (${progress.sentFiles} of ${progress.totalFiles} files sent): `}
      {progress.imported.length} imported, {progress.skipped.length} skipped.
    </p>
    {progress.imported.length > 0 ? (
      <details>
        <summary>Imported articles</summary>
        <ul aria-label="Imported articles">
          {progress.imported.map((entry) => (
            <li key={`${entry.name}:${entry.slug}`}>
              {entry.title} <span className="article-list-meta">from {entry.name}</span>
            </li>
          ))}
        </ul>
      </details>
    ) : null}
    {progress.skipped.length > 0 ? (
      <ul aria-label="Skipped entries" className="import-skipped">
        {progress.skipped.map((entry) => (
          <li key={`${entry.name}:${entry.reason}`}>
            <strong>{entry.name}</strong> {entry.reason}
          </li>
        ))}
      </ul>
    ) : null}
  </div>
);

export const KnowledgeImport = ({ onImported }: { onImported: () => void }) => {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (files: readonly File[]) => {
    const tooLarge = files.filter((file) => file.size > batchBytes);
    let state: Progress = {
      sentFiles: tooLarge.length,
      totalFiles: files.length,
      done: false,
      imported: [],
      skipped: tooLarge.map((file) => ({
        name: fileName(file),
        reason: `is ${megabytes(file.size)}; one import may be at most ${megabytes(batchBytes)}. Split the export into several files`,
      })),
    };
    setProgress(state);
    for (const batch of batchesOf(files.filter((file) => file.size <= batchBytes))) {
      const body = {
        files: await Promise.all(
          batch.map(async (file) => ({ name: fileName(file), text: await file.text() })),
        ),
      };
      const result = await apiCall<KnowledgeImportResult>('POST', '/api/knowledge/import', { body });
      state = {
        ...state,
        sentFiles: state.sentFiles + batch.length,
        imported: [...state.imported, ...result.imported],
        skipped: [...state.skipped, ...result.skipped],
      };
      setProgress(state);
    }
    setProgress({ ...state, done: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const files = [...(filesInput.current?.files ?? []), ...(folderInput.current?.files ?? [])];
    if (files.length === 0) {
      setError('Choose Markdown files, a folder or a help-centre export (.json) first.');
      return;
    }
    setError(null);
    setBusy(true);
    run(files)
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.'),
      )
      .finally(() => {
        setBusy(false);
        onImported();
      });
  };

  return (
    <section aria-labelledby="import-heading" className="knowledge-import">
      <h2 id="import-heading">Import knowledge</h2>
      <form onSubmit={submit}>
        <label>
          Markdown files or a Zendesk / Intercom export (.json)
          <input ref={filesInput} type="file" multiple accept=".md,.markdown,.json" />
        </label>
        <label>
          Or a folder of Markdown files
          <input
            ref={(element) => {
              folderInput.current = element;
              element?.setAttribute('webkitdirectory', '');
            }}
            type="file"
            multiple
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {progress ? <ImportSummary progress={progress} /> : null}
    </section>
  );
};
