from enum import StrEnum


class UserUpdateRolesType0Item(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    EDITOR = "editor"
    OPERATOR = "operator"
    PHOTOGRAPHER = "photographer"
    PRODUCER = "producer"
    STAFF = "staff"
    WRITER = "writer"

    def __str__(self) -> str:
        return str(self.value)
