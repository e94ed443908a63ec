from enum import StrEnum


class OpeningHoursDay(StrEnum):
    FRI = "fri"
    HOLIDAY = "holiday"
    MON = "mon"
    SAT = "sat"
    SUN = "sun"
    THU = "thu"
    TUE = "tue"
    WED = "wed"

    def __str__(self) -> str:
        return str(self.value)
