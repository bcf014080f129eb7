"""The HTTP composition root: app factory, middleware, error handlers and serving."""
