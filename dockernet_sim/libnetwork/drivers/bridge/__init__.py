"""libnetwork's ``drivers/bridge``: the driver (:mod:`.bridge`) and its iptables rules
(:mod:`.firewall`, the driver's ``Firewaller``)."""

from .bridge import OPT_DEFAULT, OPT_HOST_IP, OPT_ICC, OPT_MASQ, OPT_MTU, OPT_NAME, BridgeDriver
from .firewall import BridgeRules, Firewall, PortMapping

__all__ = ["BridgeDriver", "BridgeRules", "Firewall", "PortMapping",
           "OPT_DEFAULT", "OPT_HOST_IP", "OPT_ICC", "OPT_MASQ", "OPT_MTU", "OPT_NAME"]
