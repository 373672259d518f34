"""A password hasher that counts its work, for tests of what a path costs."""

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    encodings = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.encodings += 1
        return super().encode(password, salt)
