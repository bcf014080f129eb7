"""What the API and the web routers share below them: request dependencies (``deps``)."""
