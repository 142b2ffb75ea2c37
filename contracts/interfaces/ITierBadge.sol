// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title ERC-5192: minimal soulbound NFTs
interface IERC5192 {
    /// @notice Emitted when a token's locking status becomes locked.
    event Locked(uint256 tokenId);
    /// @notice Emitted when a token's locking status becomes unlocked.
    event Unlocked(uint256 tokenId);

    /// @notice Whether the token is locked (always, for a tier badge). Reverts for a token that does not exist.
    function locked(uint256 tokenId) external view returns (bool);
}

/// @title Caravan tier badge
/// @notice A soulbound ERC-721 per contributor and tier reached, issued and revoked by the platform.
interface ITierBadge is IERC5192 {
    event BadgeIssued(address indexed account, uint8 indexed tier, uint256 tokenId);
    event BadgeRevoked(address indexed account, uint8 indexed tier, uint256 tokenId);

    error Soulbound();
    error BadgeExists(address account, uint8 tier);
    error NoBadge(address account, uint8 tier);

    /// @notice Issues the badge of `tier` to `account` (issuer).
    /// @return tokenId The badge's id, `badgeId(account, tier)`.
    function issue(address account, uint8 tier) external returns (uint256 tokenId);

    /// @notice Burns the badge of `tier` held by `account` (issuer), when the tier is lost.
    function revoke(address account, uint8 tier) external;

    /// @notice Whether `account` holds the badge of `tier`.
    function hasBadge(address account, uint8 tier) external view returns (bool);

    /// @notice The token id of an account's badge for a tier: the address shifted left by 8 bits, plus the tier.
    function badgeId(address account, uint8 tier) external pure returns (uint256);
}
