/** @essor/web-ui: what both SPAs share (status notices, breadcrumb, form primitives, API-error parsing, formatting). */
export * from './api-errors';
export * from './Breadcrumb';
export * from './form';
export * from './format';
export * from './mount';
export * from './status';
