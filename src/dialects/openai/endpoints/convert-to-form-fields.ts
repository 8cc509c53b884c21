/**
 * Request fields as multipart form fields, the way OpenAI's API reads them: scalars as text,
 * arrays as repeated `name[]`, objects in bracket notation (`expires_after[anchor]`). Undefined
 * and null values are left out.
 */
export function convertToFormFields(
  record: Readonly<Record<string, unknown>>,
  prefix?: string,
): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(record)) {
    const name = prefix === undefined ? key : `${prefix}[${key}]`;
    appendField(fields, name, value);
  }
  return fields;
}

function appendField(fields: Array<[string, string]>, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') fields.push([`${name}[]`, JSON.stringify(item)]);
      else if (item !== undefined && item !== null) fields.push([`${name}[]`, String(item)]);
    }
    return;
  }
  if (typeof value === 'object') {
    fields.push(...convertToFormFields(value as Record<string, unknown>, name));
    return;
  }
  fields.push([name, String(value)]);
}
