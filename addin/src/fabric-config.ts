// Imported first by each entry: Fluent UI would otherwise fetch the Segoe UI font from Microsoft's CDN; the pane
// uses the fonts the system has.
(window as unknown as { FabricConfig: object }).FabricConfig = { fontBaseUrl: '' };
export {};
