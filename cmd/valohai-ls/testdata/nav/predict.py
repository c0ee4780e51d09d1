def app(environ, start_response):
    pass
