/** An article's versions, newest first: who changed what and when (articles are never overwritten in place). */
import type { ArticleVersionView } from '../../../src/api/knowledge-schemas.ts';

const changeWords: Record<ArticleVersionView['change'], string> = {
  created: 'Created',
  edited: 'Edited',
  unpublished: 'Unpublished',
  republished: 'Republished',
};

export const ArticleVersions = ({ versions }: { versions: readonly ArticleVersionView[] }) => (
  <section aria-labelledby="versions-heading" className="article-versions">
    <h3 id="versions-heading">Versions</h3>
    <ol>
      {versions.map((version) => (
        <li key={version.version}>
          <details>
            <summary>
              v{version.version} · {changeWords[version.change]} by {version.author} ·{' '}
              {new Date(version.createdAt).toLocaleString()}
            </summary>
            <p>
              <strong>{version.title}</strong> {version.category ? `(${version.category})` : ''}
            </p>
            <pre>{version.body}</pre>
          </details>
        </li>
      ))}
    </ol>
  </section>
);
