/**
 * Forms in modals have their submit button in the modal footer, outside the <form>; without a
 * submit button inside, browsers do not submit on Enter. This one is invisible and unfocusable.
 */
export function ImplicitSubmit() {
  return <button type="submit" className="xs-visually-hidden" tabIndex={-1} aria-hidden="true" />;
}
