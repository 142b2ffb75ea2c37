// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IStakeVault} from "./interfaces/IStakeVault.sol";

/// @title Caravan stake vault
/// @notice See {IStakeVault}. Invariant: the vault holds at least the sum of every account's stake.
contract StakeVault is IStakeVault, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    struct Unlocking {
        uint256 amount;
        uint64 unlockAt;
    }

    IERC20 public immutable stakeToken;
    uint16 public immutable maxSlashBps;
    address public immutable slashReceiver;
    uint64 public cooldown;
    mapping(address account => uint256) public lockedOf;
    mapping(address account => Unlocking) private _unlocking;

    /// @param admin Holds DEFAULT_ADMIN_ROLE; it grants SLASHER_ROLE.
    /// @param stakeToken_ The token staked (the platform token).
    /// @param cooldownSeconds Seconds an unlock request stays slashable before it can be withdrawn.
    /// @param maxSlashBps_ The largest share of an account's stake one slash may take, 1..10,000.
    /// @param slashReceiver_ Where slashed stake goes.
    constructor(address admin, IERC20 stakeToken_, uint64 cooldownSeconds, uint16 maxSlashBps_, address slashReceiver_) {
        if (maxSlashBps_ == 0 || maxSlashBps_ > 10_000) revert BadSlashCap(maxSlashBps_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        stakeToken = stakeToken_;
        cooldown = cooldownSeconds;
        maxSlashBps = maxSlashBps_;
        slashReceiver = slashReceiver_;
    }

    /// @inheritdoc IStakeVault
    function lock(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 before = stakeToken.balanceOf(address(this));
        stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = stakeToken.balanceOf(address(this)) - before;
        lockedOf[msg.sender] += received;
        emit Locked(msg.sender, received);
    }

    /// @inheritdoc IStakeVault
    function requestUnlock(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 locked = lockedOf[msg.sender];
        if (amount > locked) revert UnlockExceedsLocked(amount, locked);
        lockedOf[msg.sender] = locked - amount;
        Unlocking storage u = _unlocking[msg.sender];
        u.amount += amount;
        u.unlockAt = uint64(block.timestamp) + cooldown;
        emit UnlockRequested(msg.sender, u.amount, u.unlockAt);
    }

    /// @inheritdoc IStakeVault
    function withdraw() external nonReentrant {
        Unlocking memory u = _unlocking[msg.sender];
        if (u.amount == 0) revert NothingUnlocking(msg.sender);
        if (block.timestamp < u.unlockAt) revert CooldownNotOver(u.unlockAt, uint64(block.timestamp));
        delete _unlocking[msg.sender];
        emit Withdrawn(msg.sender, u.amount);
        stakeToken.safeTransfer(msg.sender, u.amount);
    }

    /// @inheritdoc IStakeVault
    function slash(address account, uint256 amount, bytes32 evidenceHash) external onlyRole(SLASHER_ROLE) nonReentrant {
        if (amount == 0) revert ZeroAmount();
        if (evidenceHash == bytes32(0)) revert NoEvidence();
        uint256 locked = lockedOf[account];
        Unlocking storage u = _unlocking[account];
        uint256 cap = ((locked + u.amount) * maxSlashBps) / 10_000;
        if (amount > cap) revert SlashExceedsCap(amount, cap);
        uint256 fromLocked = amount < locked ? amount : locked;
        lockedOf[account] = locked - fromLocked;
        u.amount -= amount - fromLocked;
        emit Slashed(account, amount, evidenceHash, msg.sender);
        stakeToken.safeTransfer(slashReceiver, amount);
    }

    /// @inheritdoc IStakeVault
    function setCooldown(uint64 cooldownSeconds) external onlyRole(DEFAULT_ADMIN_ROLE) {
        cooldown = cooldownSeconds;
        emit CooldownChanged(cooldownSeconds);
    }

    /// @inheritdoc IStakeVault
    function unlockingOf(address account) external view returns (uint256 amount, uint64 unlockAt) {
        Unlocking memory u = _unlocking[account];
        return (u.amount, u.unlockAt);
    }

    /// @inheritdoc IStakeVault
    function stakeOf(address account) external view returns (uint256) {
        return lockedOf[account] + _unlocking[account].amount;
    }
}
