"""The toolkit every handler shares: answers, buttons, callback data, roles, the bot."""
