"""Find the parts that each installed app declares in a module of its own.

An app takes part in a shared mechanism by writing a module with an agreed name (`demo.py`,
`personal_data.py`, `home.py`…); the layer that needs those parts finds them here, in the order
of INSTALLED_APPS, which follows the layers. No central list names the apps.
"""

from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_modules(name: str) -> list[ModuleType]:
    """Return every installed app's module called name, bottom layer first."""
    return [
        import_module(f"{config.name}.{name}")
        for config in apps.get_app_configs()
        if config.module is not None and module_has_submodule(config.module, name)
    ]
