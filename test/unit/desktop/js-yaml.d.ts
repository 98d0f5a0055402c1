// js-yaml ships with electron-builder (which reads electron-builder.yml with it); only `load` is used here.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
