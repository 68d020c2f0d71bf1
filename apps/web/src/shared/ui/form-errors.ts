import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';

/**
 * Puts the server's per-field validation messages (`fields[].path`, dotted) next to the form
 * fields of the same name. Returns true when at least one field matched.
 */
export function applyServerFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!ApiError.is(error) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.fields
    .map((f) => ({ name: f.path.split('.')[0] ?? '', errors: [f.message] }))
    .filter((f) => known.has(f.name));
  form.setFields(fields);
  return fields.length > 0;
}
