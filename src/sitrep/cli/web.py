"""Web commands: ``serve`` (the web app) and ``user add/passwd/role/list`` (accounts)."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep import pipeline
from sitrep.cli import app
from sitrep.cli.common import console, get_settings, out

user_app = typer.Typer(help="Manage web accounts (viewer, analyst, admin).", no_args_is_help=True)
app.add_typer(user_app, name="user")

RoleOpt = Annotated[str, typer.Option("--role", help="viewer (read), analyst (review), admin (everything).")]


def _password(given: str | None) -> str:
    if given:
        return given
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes (default: one per core, at most 4; 1 for an in-memory database). "
            "Each has its own cache and login throttle.",
        ),
    ] = None,
) -> None:
    """Serve the web app (search, events, map, timeline, review, API) over the configured database."""
    from sitrep.web import default_workers
    from sitrep.web import serve as run

    settings = get_settings()
    store = pipeline.open_settings_store(settings)  # migrated once here, before any worker starts
    n = workers if workers is not None else default_workers(settings)
    console.print(f"serving {settings.db_url} on http://{host}:{port}/ with {n} worker process(es)")
    if n > 1:
        store.dispose()  # each worker opens its own connections
    run(settings, host, port, store, workers=n)


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="Login name: letters, digits, _ . @ -")],
    role: RoleOpt = "viewer",
    password: Annotated[str | None, typer.Option(help="Password (prompted when not given).")] = None,
) -> None:
    """Create an account."""
    store = pipeline.open_settings_store(get_settings())
    from sitrep.review import users

    try:
        users.add_user(store, username, _password(password), role)
    except users.UserError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    out.print(f"added {username} ({role})")


@user_app.command("passwd")
def user_passwd(
    username: Annotated[str, typer.Argument(help="The account.")],
    password: Annotated[str | None, typer.Option(help="New password (prompted when not given).")] = None,
) -> None:
    """Set a new password (also lifts a login lock)."""
    store = pipeline.open_settings_store(get_settings())
    from sitrep.review import users

    try:
        users.set_password(store, username, _password(password))
    except users.UserError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    out.print(f"password of {username} changed")


@user_app.command("role")
def user_role(
    username: Annotated[str, typer.Argument(help="The account.")],
    role: Annotated[str, typer.Argument(help="viewer, analyst or admin.")],
) -> None:
    """Change an account's role."""
    store = pipeline.open_settings_store(get_settings())
    from sitrep.review import users

    try:
        users.set_role(store, username, role)
    except users.UserError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    out.print(f"{username} is now {role}")


@user_app.command("list")
def user_list() -> None:
    """List accounts and their roles."""
    store = pipeline.open_settings_store(get_settings())
    from sitrep.review import users

    for u in users.list_users(store):
        out.print(f"{u.username}\t{u.role}")
