"""gunicorn's access log, naming the client as the site counts it (infrastructure/client_address.py).

gunicorn's own %(h)s is the connection's address, which behind the proxy is the proxy's for every line.
"""

from gunicorn.glogging import Logger

from .client_address import client_address


class ClientAddressLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = client_address(environ) or "-"
        return atoms
