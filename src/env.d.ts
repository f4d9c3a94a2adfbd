/// <reference types="astro/client" />

/** The pages' inline script, minified when the site is bundled (src/layouts/enhance.ts). */
declare module 'virtual:kb-enhance-script' {
  const code: string;
  export default code;
}
