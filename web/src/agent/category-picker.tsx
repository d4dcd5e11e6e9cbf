/** The conversation's category; choosing one confirms it, and the AI learns from confirmed categories. */
import { useEffect, useState } from 'react';
import { apiCall } from '../shared/api.ts';

export const CategoryPicker = (props: { category: string | null; onConfirm: (category: string) => void }) => {
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    void apiCall<{ categories: string[] }>('GET', '/api/inbox/categories').then((r) =>
      setCategories(r.categories),
    );
  }, []);
  return (
    <select
      aria-label="Category"
      title="Confirm or correct the category; the AI learns from it"
      value={props.category ?? ''}
      onChange={(event) => event.target.value && props.onConfirm(event.target.value)}
    >
      {props.category === null && <option value="">Category…</option>}
      {categories.map((c) => (
        <option key={c} value={c}>
          {c.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
};
