"""The one exception type users see: a clear, one-line, actionable message."""

from __future__ import annotations


class HelpersError(Exception):
    """A problem the user can fix; ``str(err)`` is one line saying what to do."""


class SettingsError(HelpersError):
    """An environment variable is missing or invalid."""


class MilvusError(HelpersError):
    """Milvus cannot be reached, is locked, a call failed, or the collection does not fit."""


class EmbeddingError(HelpersError):
    """The embedding model could not be loaded or the embedding service failed."""


class SourceError(HelpersError):
    """An Airbyte message file is malformed; the message names file and line."""


class InputError(HelpersError):
    """User input (form text, organisation id) cannot be used as given."""


class ThresholdsError(HelpersError):
    """No calibrated thresholds exist for the current model."""


class ModelMismatchError(EmbeddingError):
    """The collection's vectors were made by another model than EMBEDDING_MODEL."""
