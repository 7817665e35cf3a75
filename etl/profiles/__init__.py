"""Source profiles: turn exports of other systems into canonical rows without code
(CONTRACT section 6). `load_profile(name)` finds and validates a profile (a user's
`profiles/NAME.toml` beside `pib.toml` wins over a shipped one); `apply(profile, path)` reads
one export and returns `Applied(canonical, rejected, summary)`; `draft_profile` writes a first
profile for an unseen export (`pib profile init`)."""

from etl.profiles.draft import draft_profile
from etl.profiles.model import (
    Layout,
    Profile,
    ProfileError,
    available_profiles,
    find_profile,
    load_profile,
    parse_profile,
    user_folder,
)
from etl.profiles.transform import LINE, Applied, Summary, apply

__all__ = [
    "LINE", "Applied", "Layout", "Profile", "ProfileError", "Summary", "apply",
    "available_profiles", "draft_profile", "find_profile", "load_profile", "parse_profile",
    "user_folder",
]
