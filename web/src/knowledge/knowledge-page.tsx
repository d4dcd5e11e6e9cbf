/**
 * The knowledge page (/knowledge): every staff role reads and searches the articles customers are
 * answered from; ops and admins create, edit (Markdown with a preview), unpublish, republish, mark
 * reviewed and delete them. Every change is a version with its author and time.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { ArticleDetailView, KnowledgeArticleView } from '../../../src/api/knowledge-schemas.ts';
import type { AgentView } from '../../../src/api/schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { ArticleEditor } from './article-editor.tsx';
import { KnowledgeImport } from './knowledge-import.tsx';
import './knowledge.css';

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'article'; detail: ArticleDetailView };

const ArticleList = (props: {
  articles: readonly KnowledgeArticleView[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}) => (
  <ul className="article-list">
    {props.articles.map((article) => (
      <li key={article.id}>
        <button
          type="button"
          className="link"
          aria-current={article.id === props.selectedId ? 'true' : undefined}
          onClick={() => props.onOpen(article.id)}
        >
          {article.title}
        </button>
        <span className="article-list-meta">
          {article.category ?? 'no category'}
          {article.published ? '' : ' · unpublished'}
        </span>
      </li>
    ))}
  </ul>
);

const Knowledge = ({ agent }: { agent: AgentView }) => {
  const canEdit = agent.role === 'ops' || agent.role === 'admin';
  const [search, setSearch] = useState('');
  const [articles, setArticles] = useState<readonly KnowledgeArticleView[] | null>(null);
  const [categories, setCategories] = useState<readonly string[]>([]);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((text: string) => {
    const query = text.trim() === '' ? '' : `?search=${encodeURIComponent(text.trim())}`;
    apiCall<{ articles: KnowledgeArticleView[]; categories: string[] }>(
      'GET',
      `/api/knowledge/articles${query}`,
    )
      .then((list) => {
        setArticles(list.articles);
        setCategories(list.categories);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(() => load(''), [load]);
  const open = useCallback(
    (id: string) =>
      apiCall<ArticleDetailView>('GET', `/api/knowledge/articles/${encodeURIComponent(id)}`)
        .then((detail) => setSelection({ kind: 'article', detail }))
        .catch((e: unknown) => setError(messageOf(e))),
    [],
  );
  // A link from elsewhere (the knowledge audit) opens its article: /knowledge?article=<id>.
  useEffect(() => {
    const linked = new URLSearchParams(window.location.search).get('article');
    if (linked) void open(linked);
  }, [open]);
  const changed = (article: KnowledgeArticleView | null) => {
    load(search);
    if (article) void open(article.id);
    else setSelection({ kind: 'none' });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    load(search);
  };
  const selectedId = selection.kind === 'article' ? selection.detail.article.id : null;
  return (
    <div className="knowledge-layout">
      <section aria-labelledby="articles-heading" className="knowledge-list">
        <h2 id="articles-heading">Articles</h2>
        <form onSubmit={submitSearch}>
          <label>
            Search articles
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit">Search</button>
        </form>
        {canEdit ? (
          <button type="button" onClick={() => setSelection({ kind: 'new' })}>
            New article
          </button>
        ) : null}
        {canEdit ? <KnowledgeImport onImported={() => load(search)} /> : null}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {articles === null ? <p className="loading">Loading articles…</p> : null}
        {articles?.length === 0 ? <p>No articles{search.trim() ? ' match this search' : ' yet'}.</p> : null}
        {articles ? (
          <ArticleList articles={articles} selectedId={selectedId} onOpen={(id) => void open(id)} />
        ) : null}
      </section>
      {selection.kind === 'none' ? (
        <p className="knowledge-hint">Pick an article{canEdit ? ', or write a new one' : ''}.</p>
      ) : (
        <ArticleEditor
          key={
            selection.kind === 'new'
              ? 'new'
              : `${selection.detail.article.id}@${selection.detail.article.version}`
          }
          detail={selection.kind === 'new' ? null : selection.detail}
          categories={categories}
          canEdit={canEdit}
          onChanged={changed}
        />
      )}
    </div>
  );
};

export const KnowledgePage = () => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn title="Sign in to the knowledge base" onSignedIn={setAgent} />;
  return (
    <main className="knowledge-page">
      <h1>Knowledge</h1>
      <p>
        <a href="/agent">Back to the inbox</a>
      </p>
      <Knowledge agent={agent} />
    </main>
  );
};
