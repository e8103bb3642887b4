/** @essor/web-ui: what both SPAs share (status notices, breadcrumb, API-error parsing, formatting). */
export * from './api-errors';
export * from './Breadcrumb';
export * from './format';
export * from './status';
