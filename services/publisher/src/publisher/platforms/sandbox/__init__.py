"""The sandbox: a platform inside Machi, so the demo publishes offline."""
