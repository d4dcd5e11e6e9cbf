/** The inbox filters' tag choice: the workspace's tags with how many conversations carry each. */
import { useEffect, useState } from 'react';
import type { WorkspaceTagView } from '../../../src/api/tag-schemas.ts';
import { loadWorkspaceTags } from './conversation-tags.tsx';

export const TagFilter = (props: { shown: boolean; value: string; onChange: (tag: string) => void }) => {
  const [tags, setTags] = useState<readonly WorkspaceTagView[]>([]);
  // Read again each time the filters open: agents add tags all day.
  useEffect(() => {
    if (props.shown) void loadWorkspaceTags().then(setTags, () => setTags([]));
  }, [props.shown]);
  return (
    <div className="filter">
      <label htmlFor="filter-tag">Tag</label>
      <select id="filter-tag" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any tag</option>
        {props.value && !tags.some((t) => t.name === props.value) && (
          <option value={props.value}>{props.value}</option>
        )}
        {tags.map((tag) => (
          <option key={tag.name} value={tag.name}>
            {`${tag.name} (${tag.conversations})`}
          </option>
        ))}
      </select>
    </div>
  );
};
