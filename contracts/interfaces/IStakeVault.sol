// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan stake vault
/// @notice Contributors lock platform tokens to qualify for staked tasks. Unlocking takes a cooldown during
/// which the stake can still be slashed for proven fraud; only then can it be withdrawn.
interface IStakeVault {
    event Locked(address indexed account, uint256 amount);
    event UnlockRequested(address indexed account, uint256 amount, uint64 unlockAt);
    event Withdrawn(address indexed account, uint256 amount);
    event Slashed(address indexed account, uint256 amount, bytes32 evidenceHash, address slasher);
    event CooldownChanged(uint64 cooldownSeconds);

    error ZeroAmount();
    error UnlockExceedsLocked(uint256 requested, uint256 locked);
    error NothingUnlocking(address account);
    error CooldownNotOver(uint64 unlockAt, uint64 nowSeconds);
    error SlashExceedsCap(uint256 requested, uint256 cap);
    error NoEvidence();
    error BadSlashCap(uint16 maxSlashBps);

    /// @notice Locks `amount` of the stake token from the caller (credited at what arrived).
    function lock(uint256 amount) external;

    /// @notice Moves `amount` of the caller's locked stake to unlocking; the cooldown starts (again) now.
    function requestUnlock(uint256 amount) external;

    /// @notice Pays out the caller's unlocking stake once its cooldown is over.
    function withdraw() external;

    /// @notice Takes up to `maxSlashBps` of an account's stake (locked plus unlocking, at this moment) for proven
    /// fraud (slasher role), from the locked stake first, then from the unlocking one (whose `unlockAt` does
    /// not change); the evidence's hash (nonzero) is recorded in the event. The cap applies per call.
    function slash(address account, uint256 amount, bytes32 evidenceHash) external;

    /// @notice Changes the cooldown for later unlock requests (admin).
    function setCooldown(uint64 cooldownSeconds) external;

    /// @notice Stake locked and counting toward gates.
    function lockedOf(address account) external view returns (uint256);
    /// @notice Stake waiting out its cooldown, and when it can be withdrawn.
    function unlockingOf(address account) external view returns (uint256 amount, uint64 unlockAt);
    /// @notice Locked plus unlocking: what can be slashed.
    function stakeOf(address account) external view returns (uint256);
}
