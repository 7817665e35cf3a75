"""Source profiles: turn exports of other systems into canonical rows without code
(CONTRACT section 6). `load_profile(name)` finds and validates a profile (a user's
`profiles/NAME.toml` beside `pib.toml` wins over a shipped one); `apply(profile, path)` reads
one export and returns `Applied(canonical, rejected, summary)` (`translate` streams it for the
loader); `draft_profile` writes a first
profile for an unseen export (`pib profile init`); `read_export`, `Mapping`,
`build_profile` and `save_profile` serve the dashboard's mapping page."""

from etl.profiles.build import (
    Mapping,
    build_profile,
    check_name,
    is_shipped,
    mapping_text,
    profile_path,
    save_profile,
)
from etl.profiles.draft import Export, draft_profile, guess_code, read_export
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
from etl.profiles.transform import LINE, Applied, Summary, Translation, apply, translate

__all__ = [
    "LINE", "Applied", "Export", "Layout", "Mapping", "Profile", "ProfileError", "Summary",
    "Translation", "apply", "available_profiles", "build_profile", "check_name", "draft_profile",
    "find_profile", "guess_code", "is_shipped", "load_profile", "mapping_text", "parse_profile",
    "profile_path", "read_export", "save_profile", "translate", "user_folder",
]
