/** @essor/web-ui: what both SPAs share (filled by the web-platform work of issue 14). */
export {};
