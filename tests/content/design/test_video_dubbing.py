"""questions/design/video-dubbing.md: GPU-hours and GPUs from the stated real-time factors, with lip
sync applied only to the share of runtime that shows a speaking frontal face, the live lag, and
the speed-up factors of the timing example."""

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/video-dubbing.md"
RTF_AUDIO, RTF_VISUAL = 0.2, 0.05  # once per video
RTF_MT, RTF_TTS, RTF_LIP = 0.05, 0.25, 0.5  # per language; lip sync per hour of footage it touches
LIP_SHARE = 0.30
LANGUAGES, CONTENT_HOURS, UTILISATION, VIDEO_MINUTES = 10, 1000, 0.7, 10
LAG = {"asr": 1.0, "mt": 1.5, "tts": 0.3, "net": 0.2}
SPEED_LIMIT, SLOT, FITS, TOO_LONG = 1.2, 4.0, 4.6, 5.2


def est():
    return load_snippet("design/estimates.py")


def per_content_hour(lip_share: float, visual: float) -> float:
    return RTF_AUDIO + visual + LANGUAGES * (RTF_MT + RTF_TTS + RTF_LIP * lip_share)


def expected_values() -> dict[str, str]:
    gated, ungated = per_content_hour(LIP_SHARE, RTF_VISUAL), per_content_hour(1.0, 0.0)
    daily = gated * CONTENT_HOURS
    lag = sum(LAG.values())
    return {
        "rtf-audio": f"{RTF_AUDIO}",
        "rtf-visual": f"{RTF_VISUAL}",
        "rtf-mt": f"{RTF_MT}",
        "rtf-tts": f"{RTF_TTS}",
        "rtf-lip": f"{RTF_LIP}",
        "lip-share": f"{100 * LIP_SHARE:.0f}",
        "languages": f"{LANGUAGES}",
        "rtf-audio-again": f"{RTF_AUDIO}",
        "rtf-visual-again": f"{RTF_VISUAL}",
        "languages-again": f"{LANGUAGES}",
        "rtf-mt-again": f"{RTF_MT}",
        "rtf-tts-again": f"{RTF_TTS}",
        "rtf-lip-again": f"{RTF_LIP}",
        "lip-share-frac": f"{LIP_SHARE}",
        "per-hour": f"{gated:.2f}",
        "rtf-audio-third": f"{RTF_AUDIO}",
        "languages-third": f"{LANGUAGES}",
        "rtf-mt-third": f"{RTF_MT}",
        "rtf-tts-third": f"{RTF_TTS}",
        "rtf-lip-third": f"{RTF_LIP}",
        "per-hour-ungated": f"{ungated:.1f}",
        "content-hours": f"{CONTENT_HOURS}",
        "per-hour-again": f"{gated:.2f}",
        "content-hours-again": f"{CONTENT_HOURS}",
        "daily": f"{daily:.0f}",
        "daily-again": f"{daily:.0f}",
        "gpus-busy": f"{daily / 24:.1f}",
        "utilisation": f"{100 * UTILISATION:.0f}",
        "daily-third": f"{daily:.0f}",
        "utilisation-frac": f"{UTILISATION}",
        "gpus": f"{est().gpus_needed(daily, UTILISATION)}",
        "video-minutes": f"{VIDEO_MINUTES}",
        "per-hour-third": f"{gated:.2f}",
        "video-minutes-again": f"{VIDEO_MINUTES}",
        "video-gpu-hours": f"{gated * VIDEO_MINUTES / 60:.2f}",
        "lag-asr": f"{LAG['asr']}",
        "lag-mt": f"{LAG['mt']}",
        "lag-tts": f"{LAG['tts']}",
        "lag-net": f"{LAG['net']}",
        "live-lag": f"{lag:.1f}",
        "saving": f"{100 * (1 - gated / ungated):.0f}",
        "speed-limit": f"{SPEED_LIMIT}",
        "slot": f"{SLOT}",
        "fits": f"{FITS}",
        "fits-speed": f"{FITS / SLOT:.2f}",
        "too-long": f"{TOO_LONG}",
        "too-long-speed": f"{TOO_LONG / SLOT:.2f}",
        "speed-limit-again": f"{SPEED_LIMIT}",
        "live-lag-again": f"{lag:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_timing_example_straddles_the_limit():
    assert FITS / SLOT <= SPEED_LIMIT < TOO_LONG / SLOT


def test_gpus_cover_the_daily_work_and_one_fewer_would_not():
    daily = per_content_hour(LIP_SHARE, RTF_VISUAL) * CONTENT_HOURS
    gpus = est().gpus_needed(daily, UTILISATION)
    assert gpus * 24 * UTILISATION >= daily > (gpus - 1) * 24 * UTILISATION
