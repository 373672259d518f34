"""Where uploaded files live: public media, and private files that only checked views serve."""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on the disk that have no public address: only checked views serve them."""

    def url(self, name: str | None) -> str:
        raise ValueError("This file is not accessible via a URL: serve it through its view.")


def private_storage() -> Storage:
    """Return the storage of private files (a FileField's `storage=`, resolved when used)."""
    return storages["private"]


def send_private_file(file: FieldFile, *, filename: str) -> HttpResponseBase:
    """Return a response that downloads a private file under filename.

    Django streams it, or — when MISSA_SENDFILE says so and the file is on the disk — asks the
    web server to send it (nginx's X-Accel-Redirect, Apache's X-Sendfile), so that a worker is
    not held for the length of a large download.
    """
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    mode = settings.MISSA_SENDFILE
    response: HttpResponseBase
    if mode and isinstance(file.storage, FileSystemStorage):
        response = HttpResponse(content_type=content_type)
        if mode == "x-accel-redirect":
            response["X-Accel-Redirect"] = settings.MISSA_SENDFILE_URL + quote(file.name or "")
        else:
            response["X-Sendfile"] = file.storage.path(file.name or "")
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        response = FileResponse(
            file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
