// Placeholder: the page is being built (see the route in shell/routes.tsx).
export default function Page() {
  return <div data-testid="member-page" />;
}
