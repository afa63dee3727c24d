import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** A page that failed to load (a chunk missing after a deploy, a render error). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : "Unknown error";
  const chunkMissing = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(message);
  return (
    <div className="page narrow">
      <h1>{chunkMissing ? "Avantika was updated" : "Something went wrong"}</h1>
      <p className="muted">{chunkMissing ? "Reload the page to get the new version." : message}</p>
      <div className="row gap">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to="/" className="btn btn-ghost" reloadDocument>
          Home
        </Link>
      </div>
    </div>
  );
}
