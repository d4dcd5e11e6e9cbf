/**
 * Writing one article: title, category, tags and the Markdown body with its rendered preview. A new
 * article is published when created; a saved edit is a new version made from the one shown, so a
 * colleague's newer save is never silently overwritten.
 */
import { type FormEvent, useState } from 'react';
import type { ArticleDetailView, KnowledgeArticleView } from '../../../src/api/knowledge-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { RenderedMarkdown } from '../shared/rendered-markdown.tsx';
import { ArticleVersions } from './article-versions.tsx';

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

const tagList = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
  ),
];

interface EditorProps {
  readonly detail: ArticleDetailView | null;
  readonly categories: readonly string[];
  readonly canEdit: boolean;
  /** After a change: the article as saved, or null once deleted. */
  readonly onChanged: (article: KnowledgeArticleView | null) => void;
}

const ArticleActions = ({
  article,
  onChanged,
}: {
  article: KnowledgeArticleView;
  onChanged: EditorProps['onChanged'];
}) => {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/knowledge/articles/${encodeURIComponent(article.id)}`;
  const run = (call: () => Promise<KnowledgeArticleView | null>) =>
    call()
      .then(onChanged)
      .catch((e: unknown) => setError(messageOf(e)));
  const publication = article.published ? 'unpublish' : 'republish';
  return (
    <div className="article-actions">
      <button
        type="button"
        onClick={() =>
          void run(() => apiCall('POST', `${base}/${publication}`, { body: { version: article.version } }))
        }
      >
        {article.published ? 'Unpublish' : 'Republish'}
      </button>
      <button type="button" onClick={() => void run(() => apiCall('POST', `${base}/reviewed`))}>
        Mark reviewed
      </button>
      {confirmDelete ? (
        <button
          type="button"
          className="danger"
          onClick={() => void run(() => apiCall('DELETE', base).then(() => null))}
        >
          Delete for good
        </button>
      ) : (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          Delete…
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};

export const ArticleEditor = ({ detail, categories, canEdit, onChanged }: EditorProps) => {
  const article = detail?.article ?? null;
  const [title, setTitle] = useState(article?.title ?? '');
  const [category, setCategory] = useState(article?.category ?? '');
  const [tags, setTags] = useState(article?.tags.join(', ') ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const content = { title, category: category === '' ? null : category, tags: tagList(tags), body };
    try {
      const result = article
        ? await apiCall<KnowledgeArticleView>(
            'PUT',
            `/api/knowledge/articles/${encodeURIComponent(article.id)}`,
            {
              body: { ...content, version: article.version },
            },
          )
        : await apiCall<KnowledgeArticleView>('POST', '/api/knowledge/articles', { body: content });
      setSaved(`Saved version ${result.version}. Customers are answered from it now.`);
      onChanged(result);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="article-editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{article ? article.title : 'New article'}</h2>
      {article ? (
        <p className="article-meta">
          /{article.slug} · v{article.version} · {article.published ? 'published' : 'unpublished'} · last
          reviewed{' '}
          {article.reviewedAt
            ? `${new Date(article.reviewedAt).toLocaleDateString()} by ${article.reviewedBy ?? 'someone'}`
            : 'never'}
        </p>
      ) : null}
      {canEdit && article ? <ArticleActions article={article} onChanged={onChanged} /> : null}
      <form onSubmit={submit}>
        <fieldset disabled={!canEdit}>
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          </label>
          <label>
            Category
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">No category</option>
              {categories.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
          <label>
            Tags (comma-separated)
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <div className="article-body">
            <label>
              Article (Markdown)
              <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={16} required />
            </label>
            <div>
              <span className="preview-heading">Preview</span>
              <RenderedMarkdown markdown={body} label="Preview" className="markdown-preview" />
            </div>
          </div>
          {canEdit ? (
            <button type="submit">{article ? 'Save as a new version' : 'Create and publish'}</button>
          ) : null}
        </fieldset>
      </form>
      {saved && <p role="status">{saved}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {detail ? <ArticleVersions versions={detail.versions} /> : null}
    </section>
  );
};
