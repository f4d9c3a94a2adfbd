/** The generated MDX bodies, one module per document and script. */
const modules = import.meta.glob<{ default: unknown }>('/src/generated/mdx/*.mdx');

/** Load a reading page body; throws with the file name when it is missing. */
export async function loadBody(id: string, variant: 'original' | 'simplified') {
  const key = `/src/generated/mdx/${id}${variant === 'simplified' ? '.simplified' : ''}.mdx`;
  const load = modules[key];
  if (!load) throw new Error(`missing generated page body ${key}: run npm run prepare-content`);
  return (await load()).default;
}
